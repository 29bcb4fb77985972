export * from './case-review.dto';
export * from './caseload.dto';
export * from './casusboek.dto';
