// Mocha's browser build (the web worker has no `require` of files by path, no `fs`): imported
// before the test files, so that `describe` and `it` exist when they load.
import 'mocha/mocha.js';

mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, slow: 2_000 });
