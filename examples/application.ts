/**
 * A slot-driven application: a small QObject tree whose work is driven by timers and queued
 * connections, showing who owns what and when deleteLater() really deletes.
 *
 *   root (QObject)
 *   ├── monitor (Monitor)      prints progress; deletes itself halfway: its connection goes with it
 *   └── scheduler (Scheduler)  a single-shot QTimer child paces the work
 *       ├── pause (QTimer)
 *       └── job-N (Job)        created as a child, runs once (queued), reports through a queued
 *                              connection, then deleteLater()s itself
 *
 *   node --import tsx examples/application.ts [--jobs 4] [--pause 200]
 *
 * Read the output top to bottom: a queued slot runs after the emitting function returned; a
 * deleteLater()ed object lives until control is back in the event loop; deleting a parent deletes
 * its children.
 */
import { QCoreApplication, QMetaObject, QObject, QTimer, Qt, Signal } from '../src/index.js';
import { commandLine, integer } from './cli.js';

class Job extends QObject {
  readonly finished = new Signal<[result: number]>(this);

  constructor(readonly n: number, parent: QObject) {
    super(parent);
    this.setObjectName(`job-${n}`);
  }

  run(): void {
    console.log(`${this.objectName()}: run() emits finished(${this.n * this.n}) and calls deleteLater()`);
    this.finished.emit(this.n * this.n); // queued: the slot runs after run() returns
    this.deleteLater(); // deleted once control is back in the event loop
    console.log(`${this.objectName()}: run() returns`);
  }
}

class Scheduler extends QObject {
  readonly progress = new Signal<[done: number, total: number]>(this);
  readonly allDone = new Signal<[]>(this);
  readonly #pause = new QTimer(this);
  #started = 0;
  #done = 0;

  constructor(readonly total: number, pauseMs: number, parent: QObject) {
    super(parent);
    this.setObjectName('scheduler');
    this.#pause.setObjectName('pause');
    this.#pause.setSingleShot(true);
    this.#pause.setInterval(pauseMs);
    this.#pause.timeout.connect(this, 'startJob');
  }

  start(): void {
    this.#pause.start();
  }

  /** Slot: creates the next job as a child and asks the event loop to run it. */
  startJob(): void {
    const job = new Job(++this.#started, this);
    job.finished.connect(this, 'jobFinished', Qt.QueuedConnection);
    const name = job.objectName();
    job.destroyed.connect(() => console.log(`${name} destroyed`));
    console.log(`scheduler: created ${name}; children: ${names(this)}`);
    QMetaObject.invokeMethod(job, 'run', Qt.QueuedConnection);
  }

  /** Slot, reached through a queued connection: the job has been deleteLater()ed but still exists. */
  jobFinished(result: number): void {
    const job = this.sender();
    this.#done += 1;
    console.log(`scheduler: ${job?.objectName()} finished with ${result}; children: ${names(this)}`);
    console.log(`scheduler: progress(${this.#done}, ${this.total}) to ${this.receivers(this.progress)} receiver(s)`);
    this.progress.emit(this.#done, this.total);
    if (this.#done < this.total) this.#pause.start();
    else this.allDone.emit();
  }
}

class Monitor extends QObject {
  constructor(parent: QObject) {
    super(parent);
    this.setObjectName('monitor');
  }

  /** Slot: prints progress; at half way, deletes itself (later), which disconnects it. */
  report(done: number, total: number): void {
    console.log(`monitor: ${done}/${total} jobs done`);
    if (done * 2 >= total) {
      console.log('monitor: half way, deleteLater()');
      this.deleteLater();
    }
  }
}

function names(parent: QObject): string {
  return parent.children().map((c) => c.objectName()).join(', ');
}

function dumpTree(object: QObject, indent = '  '): void {
  console.log(`${indent}${object.objectName()} (${object.constructor.name})`);
  for (const child of object.children()) dumpTree(child, `${indent}  `);
}

const usage = `usage: application [--jobs N] [--pause MS]
  --jobs N    jobs to run, one after the other (default 4)
  --pause MS  pause before each job (default 200)`;
const { values } = commandLine(usage, { jobs: { type: 'string' }, pause: { type: 'string' } });
const jobs = integer(usage, 'jobs', values.jobs, 4, 1);
const pause = integer(usage, 'pause', values.pause, 200);

const app = new QCoreApplication(process.argv);
const root = new QObject();
root.setObjectName('root');
const monitor = new Monitor(root);
const scheduler = new Scheduler(jobs, pause, root);
scheduler.progress.connect(monitor, 'report'); // ends when monitor is deleted
scheduler.allDone.connect(app, 'quit');
monitor.destroyed.connect(() => console.log('monitor destroyed'));

console.log('object tree at start:');
dumpTree(root);
scheduler.start();
const code = await app.exec();

console.log('object tree at the end:');
dumpTree(root);
for (const object of [root, ...root.findChildren(QObject)]) {
  const name = object.objectName();
  object.destroyed.connect(() => console.log(`${name} destroyed`));
}
root.dispose(); // deletes the whole tree, parent first
app.dispose();
process.exitCode = code;
