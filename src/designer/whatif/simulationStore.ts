/**
 * Whether the designer is simulating a failure, which one, and where on its timeline. Apart
 * from the document's store: nothing here is ever written to the blueprint or its history.
 */
import { create } from "zustand";
import type { Cenario } from "../../blueprint";

export interface SimulationState {
  active: { tipo: Cenario["tipo"]; regiao: string } | null;
  /** Simulated seconds since the loss. */
  t: number;
  playing: boolean;
  /** The control that started the simulation, focused again when it ends. */
  opener: HTMLElement | null;
  start(tipo: Cenario["tipo"], regiao: string, opener?: HTMLElement | null): void;
  choose(tipo: Cenario["tipo"], regiao: string): void;
  seek(t: number): void;
  setPlaying(playing: boolean): void;
  end(): void;
}

export const useSimulation = create<SimulationState>((set, get) => ({
  active: null,
  t: 0,
  playing: false,
  opener: null,
  start(tipo, regiao, opener) {
    set({
      active: { tipo, regiao },
      t: 0,
      playing: false,
      opener: opener ?? (document.activeElement as HTMLElement | null),
    });
  },
  choose(tipo, regiao) {
    set({ active: { tipo, regiao }, t: 0, playing: false });
  },
  seek(t) {
    set({ t });
  },
  setPlaying(playing) {
    set({ playing });
  },
  end() {
    const { opener } = get();
    set({ active: null, t: 0, playing: false, opener: null });
    requestAnimationFrame(() => {
      if (opener?.isConnected && !(opener as HTMLButtonElement).disabled) opener.focus();
    });
  },
}));
