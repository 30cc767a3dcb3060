// Placeholder: the preload exposes the contract's invoke/on only.
export {};
