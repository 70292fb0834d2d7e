/**
 * The single entry point to TensorFlow.js for the whole project: `import * as tf from './tf.ts'`.
 *
 * tfjs-core on its own registers no gradient functions; importing `register_all_gradients`
 * here once (after the core itself) means every module that reaches TF.js through this file can
 * differentiate. Chained ops (`x.add(y)`) are not registered: use the functional form
 * (`tf.add(x, y)`).
 */
export * from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
