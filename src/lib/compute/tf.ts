/**
 * The single entry point to TensorFlow.js for the whole project: `import * as tf from './tf.ts'`.
 *
 * tfjs-core on its own registers no gradient functions; importing `register_all_gradients`
 * here once means every module that reaches TF.js through this file can differentiate.
 * Chained ops (`x.add(y)`) are not registered: use the functional form (`tf.add(x, y)`).
 * Re-exporting the module (not a namespace object) lets the bundler drop the ops we never call.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';

export * from '@tensorflow/tfjs-core';
