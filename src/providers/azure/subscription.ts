// Which subscription a resource lives in when nothing but the code says so: the provider block's
// literal `subscription_id`, then the provider option, then ARM_SUBSCRIPTION_ID (as azurerm reads it).
import type { ProviderConfig } from '../../model';

export function subscriptionFor(config: ProviderConfig | undefined, option: string | undefined, env: Record<string, string | undefined>): string | undefined {
  const literal = config?.settings.subscription_id;
  if (typeof literal === 'string' && literal.trim()) return literal.trim();
  if (option?.trim()) return option.trim();
  const fromEnv = env.ARM_SUBSCRIPTION_ID?.trim();
  return fromEnv || undefined;
}
