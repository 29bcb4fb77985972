export * from './bezwaar.entity';
export * from './indication-suspension.entity';
export * from './indication.entity';
export * from './product.entity';
