export * from './case-team.dto';
export * from './consent.dto';
export * from './household.dto';
export * from './member.dto';
export * from './person.dto';
export * from './referral.dto';
export * from './representative.dto';
export * from './search.dto';
