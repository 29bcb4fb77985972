export * from './amount';
export * from './budget.dto';
export * from './budget-request.dto';
