import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { GuideDeskApi, GuideView } from '../../../shared/ipc';
import type { Notify } from '../lib/copy';
import { useLatest } from './useLatest';

export interface OpenOptions {
  /** Open the version in force on this date (YYYY-MM-DD) instead of the current one. */
  asOf?: string;
  /** Move keyboard focus to the guide's title once it is shown (Enter from the list). */
  focus?: boolean;
}

export interface OpenGuideEvents {
  notify: Notify;
  /** An open finished (shown or failed): the shell switches to the guide screen. */
  onShown?(): void;
}

export interface OpenGuide {
  guide: GuideView | null;
  /** Why the newest open failed; cleared by the next successful one. */
  error: string | null;
  /** Attach to the guide's title: `open(…, { focus: true })` focuses it once shown. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** Opens a guide id or version path. Only the newest open's answer is shown. */
  open(ref: string, options?: OpenOptions): Promise<void>;
  /** Loads a guide without showing it (the diff's version pickers need its history); errors ignored. */
  load(ref: string): void;
  /**
   * The content folder changed: reads the guide on screen again. If its file is gone, falls back
   * to the same guide by id and says so; if the guide is gone, says that. An open started
   * meanwhile wins over the refresh.
   */
  refresh(): void;
}

/** The guide on the right: sequence-guarded opening, focus after open, live refresh. */
export function useOpenGuide(api: Pick<GuideDeskApi, 'openGuide'>, events: OpenGuideEvents): OpenGuide {
  const [guide, setGuide] = useState<GuideView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const latestEvents = useLatest(events);
  /** Bumped by every open or load; an answer for an older number is dropped. */
  const seq = useRef(0);
  /** Bumped by every refresh, so two refreshes in a row cannot land out of order. */
  const refreshSeq = useRef(0);
  /** The guide last handed to React, ahead of its render: what a refresh compares against. */
  const shown = useRef<GuideView | null>(null);
  const focusAfterShow = useRef(false);

  const show = useCallback((view: GuideView) => {
    shown.current = view;
    setGuide(view);
  }, []);

  const open = useCallback(
    async (ref: string, options: OpenOptions = {}) => {
      const mine = ++seq.current;
      try {
        const view = await api.openGuide({ ref, asOf: options.asOf || undefined });
        if (mine !== seq.current) return;
        focusAfterShow.current = Boolean(options.focus);
        show(view);
        setError(null);
      } catch (e) {
        if (mine !== seq.current) return;
        setError((e as Error).message);
      }
      latestEvents.current.onShown?.();
    },
    [api, show, latestEvents],
  );

  const load = useCallback(
    (ref: string) => {
      const mine = ++seq.current;
      api.openGuide({ ref }).then(
        (view) => {
          if (mine === seq.current) show(view);
        },
        () => undefined,
      );
    },
    [api, show],
  );

  const refresh = useCallback(() => {
    const before = shown.current;
    if (!before) return;
    const { path, id } = before.version;
    const mine = seq.current;
    const myRefresh = ++refreshSeq.current;
    const stillShown = () =>
      mine === seq.current && myRefresh === refreshSeq.current && shown.current?.version.path === path;
    const { notify } = latestEvents.current;
    api.openGuide({ ref: path }).then(
      (view) => {
        if (stillShown()) show(view);
      },
      () =>
        api.openGuide({ ref: id }).then(
          (view) => {
            if (!stillShown()) return;
            show(view);
            notify('열려 있던 파일이 바뀌어 같은 가이드의 다른 버전을 표시합니다.');
          },
          () => {
            if (stillShown()) notify('열려 있던 가이드가 콘텐츠 폴더에서 사라졌습니다.', 'error');
          },
        ),
    );
  }, [api, show, latestEvents]);

  useEffect(() => {
    if (focusAfterShow.current && guide) headingRef.current?.focus({ preventScroll: true });
    focusAfterShow.current = false;
  }, [guide]);

  return { guide, error, headingRef, open, load, refresh };
}
