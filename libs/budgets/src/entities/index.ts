export * from './budget.entity';
export * from './budget-ledger-entry.entity';
export * from './budget-payment.entity';
export * from './budget-request.entity';
export * from './idempotency-key.entity';
