export * from './break-glass-grant.entity';
export * from './case-team-member.entity';
export * from './consent.entity';
export * from './household-member.entity';
export * from './household.entity';
export * from './person.entity';
export * from './referral.entity';
export * from './representative.entity';
