// Misuses that must not type-check.
import { compile } from '../../node.js';

export async function misuse(): Promise<void> {
  const s = await compile();
  // @ts-expect-error unknown config key
  await compile({ identifier: ['EmailAddress'] });
  // @ts-expect-error text must be a string or bytes
  s.scan(42);
  // @ts-expect-error mask of a string is a string
  const b: Uint8Array = s.mask('x');
  void b;
}
