// The part of root_block_device most tests care about, now that the mapper reads every sub-attribute.

/** Size, type and encryption of the one root_block_device. */
export const rootCore = (attrs: Record<string, unknown>): unknown[] => {
  const [root] = attrs.root_block_device as Record<string, unknown>[];
  return [root.volume_size, root.volume_type, root.encrypted];
};
