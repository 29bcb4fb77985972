export * from './arrears-signal.entity';
export * from './coach-location.entity';
export * from './signal-attempt.entity';
export * from './signal-import.entity';
export * from './spreekuur-contact.entity';

import { ArrearsSignal } from './arrears-signal.entity';
import { CoachLocation } from './coach-location.entity';
import { SignalAttempt } from './signal-attempt.entity';
import { SignalImport } from './signal-import.entity';
import { SpreekuurContact } from './spreekuur-contact.entity';

export const OUTREACH_ENTITIES = [
  CoachLocation,
  SpreekuurContact,
  ArrearsSignal,
  SignalAttempt,
  SignalImport,
];
