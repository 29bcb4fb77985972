export * from './reference-ids';
export * from './entities';
export * from './reference.service';
export * from './reference.module';
