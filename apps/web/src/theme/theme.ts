import { type ThemeConfig } from 'antd';

/**
 * Tag text colours one shade darker than antd's (its level 7 becomes level 8 or 9), so every tag
 * reads at 4.5:1 or better on its pale background (WCAG 2 AA, normal text).
 */
const TAG_TEXT = {
  green7: '#237804',
  gold7: '#874d00',
  orange7: '#ad4e00',
  volcano7: '#ad2102',
  cyan7: '#006d75',
  lime7: '#3f6600',
  yellow7: '#876800',
  blue7: '#0958d9',
};

/** The Party red of the header and of primary buttons. */
export const BRAND_RED = '#c8161d';

/** Secondary text outside antd's components (the theme's colorTextDescription): 5.7:1 on white. */
export const SECONDARY_TEXT = 'rgba(0, 0, 0, 0.6)';

/**
 * The product's antd theme: the Party red, and antd's light greys and blues darkened just enough
 * that secondary text, placeholders, links, coloured text and tags meet WCAG 2 AA contrast (4.5:1)
 * on white and on the page's light grey (#f5f5f5).
 */
export const THEME = {
  token: {
    colorPrimary: BRAND_RED,
    // Secondary and description text: #666 on white is 5.7:1 (antd's #8c8c8c is 3.4:1).
    colorTextTertiary: SECONDARY_TEXT,
    colorTextDescription: SECONDARY_TEXT,
    // Placeholders are read as hints before anything is chosen: #737373 is 4.7:1.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorLink: '#0958d9',
    // The seed of every red that says "error" or "danger" (antd's #ff4d4f is 3.3:1 on white).
    colorError: '#cf1322',
    colorErrorText: '#cf1322',
    colorSuccessText: '#237804',
    colorWarningText: '#ad4e00',
  },
  components: {
    Tag: {
      ...TAG_TEXT,
      // Status tags (success, processing, error, warning) colour their text with these.
      colorSuccess: '#237804',
      colorInfo: '#0958d9',
      colorError: '#cf1322',
      colorWarning: '#ad4e00',
    },
  },
} satisfies ThemeConfig;

/**
 * On phones (below antd's `md`, 768 px) cards keep 12 px of padding instead of 24 and tabs sit
 * closer together, so a page's content gets the width it needs and a card's tabs all fit.
 */
export const PHONE_THEME: ThemeConfig = {
  ...THEME,
  components: {
    ...THEME.components,
    Card: { bodyPadding: 12, headerPadding: 12 },
    Tabs: { horizontalItemGutter: 16 },
  },
};
