import { expect, type Page } from '@playwright/test';

/**
 * Closes the open antd modal with its 取消 button (`modal-cancel`, or the button `buttonTestId`
 * names) and waits until it is gone. On a loaded machine a click on a modal still animating in is
 * lost, and the modal's wrap then covers the page: the next click anywhere waits for it until the
 * test times out. Clicks again until the modal is closed.
 */
export async function cancelModal(page: Page, buttonTestId = 'modal-cancel'): Promise<void> {
  const open = page.locator('.ant-modal-wrap:visible');
  await expect(async () => {
    if ((await open.count()) > 0) await open.getByTestId(buttonTestId).click({ timeout: 2_000 });
    await expect(open).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}
