export * from './budgets.module';
export * from './budget-usage.service';
export * from './budgets.service';
export * from './demo/demo-budgets.seeder';
export * from './entities';
export * from './money';
export * from './replaced-schemes';
