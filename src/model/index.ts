// The vocabulary every layer shares: source ranges and the HCL syntax tree, values, declared
// resources, bindings and live results, findings and scan results. Types only (and tiny pure helpers).
// Nothing here imports another folder of src/.
export type * from './ast';
export type * from './values';
export type * from './declared';
export type * from './moduleIndex';
export type * from './live';
export type * from './findings';
export type * from './arm';
export type * from './coverage';
