/** 离线副本的更新提示（src/offline/register.ts）中的文字：部署了新版本时显示。 */
import type { OfflineStrings } from '../en/offline.ts';

export const offline: OfflineStrings = {
  label: '网站更新',
  updateReady: 'CNN Lineage 有新版本可用。',
  reload: '重新加载',
  dismiss: '稍后',
};
