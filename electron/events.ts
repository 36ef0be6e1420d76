import { EventEmitter } from 'node:events';

export type ChangeOp = 'create' | 'update' | 'delete' | 'restore' | 'purge' | 'merge';

export interface ChangeEvent {
  entity: string;
  id: number;
  op: ChangeOp;
}

/** Changes published after commit, so open windows and colleagues can refresh what they show. */
export class EventBus {
  readonly #emitter = new EventEmitter();

  publish(event: ChangeEvent): void {
    this.#emitter.emit('change', event);
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.#emitter.on('change', listener);
    return () => this.#emitter.off('change', listener);
  }
}
