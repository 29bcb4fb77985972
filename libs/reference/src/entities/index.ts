export * from './municipality.entity';
export * from './neighbourhood.entity';
export * from './organisation.entity';
export * from './team.entity';
export * from './wijkservicepunt.entity';
