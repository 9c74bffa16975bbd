import fc from 'fast-check';

/**
 * Property tests explore new random inputs on every developer run; CI replays one fixed seed so a
 * submission's result does not depend on the draw. A failure prints its seed and counterexample.
 */
if (process.env.CI) fc.configureGlobal({ seed: Number(process.env.FAST_CHECK_SEED ?? 20261124) });
