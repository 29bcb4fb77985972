export * from './demo/demo-households.seeder';
export * from './case-team.service';
export * from './dossier-sections';
export * from './entities';
export * from './household-guard';
export * from './households.module';
export * from './households.service';
