export * from './catalogue.dto';
export * from './indication.dto';
export * from './procedure.dto';
export * from './worklist.dto';
