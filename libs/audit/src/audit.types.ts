/** What a service tells the processing log about one read or write of personal data. */
export type ProcessingAction = 'read' | 'search' | 'create' | 'update' | 'delete' | 'export';
export type ProcessingOutcome = 'allowed' | 'denied';

/** How the log's reason flags processing made possible only by break the glass (DESIGN.md rule 8). */
export const BREAK_GLASS_REASON = 'noodtoegang (break the glass)';

export interface DataSubject {
  type: 'person' | 'household';
  id: string;
}

export interface ProcessingEntry {
  /** Id from the register of processing activities; defaults to the route's declared activity. */
  activityId?: string;
  action: ProcessingAction;
  resourceType: string;
  resourceId?: string;
  householdId?: string;
  /** One processing_log row per data subject (Logboek dataverwerkingen). */
  dataSubjects: DataSubject[];
  outcome?: ProcessingOutcome;
  /** Free-text reason, e.g. for break the glass. Never personal data. */
  reason?: string;
}
