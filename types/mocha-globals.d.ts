// The mocha globals web-test-runner provides to browser tests (packages/elements/src/**/*.test.ts).
// Declared here because @types/mocha is not a dependency. `.only`/`.skip` are deliberately absent:
// the conventions forbid them, so the type-check rejects them too.

declare namespace Mocha {
  interface Context {
    timeout(ms: number): void;
    retries(count: number): void;
  }
  type Done = (error?: unknown) => void;
  type Func = (this: Context, done: Done) => void;
  type AsyncFunc = (this: Context) => PromiseLike<unknown> | void;
}

declare function describe(title: string, body: (this: Mocha.Context) => void): void;
declare function it(title: string, body?: Mocha.Func | Mocha.AsyncFunc): void;
declare function before(body: Mocha.Func | Mocha.AsyncFunc): void;
declare function after(body: Mocha.Func | Mocha.AsyncFunc): void;
declare function beforeEach(body: Mocha.Func | Mocha.AsyncFunc): void;
declare function afterEach(body: Mocha.Func | Mocha.AsyncFunc): void;
