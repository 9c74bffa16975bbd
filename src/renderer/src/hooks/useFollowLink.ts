import { useCallback } from 'react';
import type { GuideDeskApi } from '../../../shared/ipc';
import type { Notify } from '../lib/copy';

/**
 * Following a link of a guide: a link to another guide opens it in the app; an http(s) link asks
 * main to open it in the browser (main decides; the window itself never navigates); anything
 * else is refused with a notice.
 */
export function useFollowLink(
  api: Pick<GuideDeskApi, 'openExternal'>,
  notify: Notify,
  openGuide: (ref: string) => void,
): (href: string, target: string | null) => void {
  return useCallback(
    (href: string, target: string | null) => {
      if (target) {
        openGuide(target);
        return;
      }
      if (/^https?:\/\//i.test(href)) {
        api.openExternal({ url: href }).then(
          (r) => {
            if (r.opened) notify('외부 브라우저에서 열었습니다.');
            else notify(`링크를 열 수 없습니다${r.reason ? `: ${r.reason}` : ''}`, 'error');
          },
          (e: Error) => notify(`링크를 열 수 없습니다: ${e.message}`, 'error'),
        );
        return;
      }
      notify('이 링크는 열 수 없습니다.', 'error');
    },
    [api, notify, openGuide],
  );
}
