// Widening int8 weights to float (float-weights.ts), the arithmetic the float-convolution model is built on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dequantize } from '../../src/kokoro/float-weights.ts';

describe('dequantize', () => {
  it('widens with one zero point and scale for the whole tensor', () => {
    assert.deepEqual([...dequantize([0, 128, 255], [3], [128], [0.5], 0)], [-64, 0, 63.5]);
  });

  it('widens per channel along the given axis', () => {
    // dims [2, 2]: rows are channels along axis 0, columns along axis 1.
    assert.deepEqual([...dequantize([1, 2, 3, 4], [2, 2], [1, 3], [2, 0.5], 0)], [0, 2, 0, 0.5]);
    assert.deepEqual([...dequantize([1, 2, 3, 4], [2, 2], [1, 3], [2, 0.5], 1)], [0, -0.5, 4, 0.5]);
  });

  it('refuses parameters that fit neither the tensor nor the channel count', () => {
    assert.throws(() => dequantize([1, 2, 3, 4], [2, 2], [0, 0, 0], [1], 0), /zero point has 3 values for 2 channels/);
  });
});
