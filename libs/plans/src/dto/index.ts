export * from './action.dto';
export * from './goal.dto';
export * from './people.dto';
export * from './plan.dto';
