// The AWS rows of `driftlens types`: one per mapper, with the Describe call it batches and every
// extra read action a declared attribute may need.
import type { TypeCoverage } from '../../model';
import { AWS_MAPPERS } from './mappers';
import { serviceCoverage } from './services/serviceTypes';

export function awsCoverage(): TypeCoverage[] {
  return [...ec2Coverage(), ...serviceCoverage()];
}

function ec2Coverage(): TypeCoverage[] {
  return AWS_MAPPERS.map((m) => {
    const read = `ec2:${m.describe.operation}`;
    return {
      type: m.type,
      provider: 'aws',
      depth: 'deep',
      reads: read,
      permissions: [...new Set([read, ...Object.values(m.normalization.onDemand)])],
    };
  });
}
