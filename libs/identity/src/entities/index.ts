export * from './refresh-token.entity';
export * from './user-account.entity';
export * from './user-municipality.entity';
export * from './user-team.entity';
