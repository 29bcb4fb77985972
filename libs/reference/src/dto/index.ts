export * from './municipality.dto';
export * from './neighbourhood.dto';
export * from './organisation.dto';
export * from './team.dto';
export * from './wijkservicepunt.dto';
