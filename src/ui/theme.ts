import type { ConfigProviderProps } from '@nutui/nutui-react-taro';

type NutTheme = NonNullable<ConfigProviderProps['theme']>;

/**
 * Government blue for every NutUI component, through ConfigProvider (it writes these as `--nutui-*`
 * variables on the page's root). Every colour NutUI would otherwise take from its JD defaults (reds,
 * its bright green and yellow, its grey help text of 3.5:1 contrast) is named here, so none survives.
 * Text colours are ≥ 4.5:1 on white. Values mirror src/ui/_palette.scss, which our own styles use.
 */
const governmentColours: NutTheme = {
  nutuiColorPrimary: '#1f5fa8',
  nutuiColorPrimaryStop1: '#2a73c4',
  nutuiColorPrimaryStop2: '#1f5fa8',
  nutuiColorPrimaryPressed: '#174b86',
  nutuiColorPrimaryDisabled: '#a9c1e0',
  nutuiColorPrimaryDisabledSpecial: '#a9c1e0',
  nutuiColorPrimarySpecialdisabled: '#a9c1e0',
  nutuiColorPrimaryLightPressed: '#e6eef8',
  nutuiColorPrimaryIcon: '#1f5fa8',
  nutuiColorPrimaryIconDisabled: '#c3cfdd',
  nutuiColorInfo: '#1f5fa8',
  nutuiColorInfoBackground: '#1f5fa8',
  nutuiColorInfoDisabled: '#a9c1e0',
  nutuiColorSuccess: '#2f7d4f',
  nutuiColorSuccessDisabled: '#b5d6c2',
  nutuiColorWarning: '#b45309',
  nutuiColorWarningDisabled: '#f1c9a5',
  nutuiColorDanger: '#b42318',
  nutuiColorDangerDisabled: '#eab3ad',
  nutuiColorDangerLight: '#fdeceb',
  nutuiColorTitle: '#1a202c',
  nutuiColorText: '#2d3748',
  nutuiColorTextHelp: '#4a5568',
  nutuiColorTextDisabled: '#718096',
  nutuiColorBorder: '#d9e2ec',
  nutuiColorBackground: '#f4f7fb',
  nutuiColorBackgroundSunken: '#eef2f7',
  nutuiColorBackgroundOverlay: '#ffffff',
  nutuiRadiusBase: '8px',
  nutuiRadiusXl: '12px',
  nutuiFormItemRequiredColor: '#b42318',
  nutuiFormItemErrorMessageColor: '#b42318',
  nutuiFormItemErrorLineColor: '#b42318',
  nutuiRateIconColor: '#d97706',
  nutuiBadgeBackgroundColor: '#b42318',
  // Tags are solid with white text: NutUI's primary is a gradient from JD red, its success a
  // green of 2.4:1 under white, its default near-black. Each of these is ≥ 4.5:1 under white.
  nutuiTagBackgroundColor: '#4a5568',
  nutuiTagPrimaryBackgroundColor: '#1f5fa8',
  nutuiTagInfoBackgroundColor: '#1f5fa8',
  nutuiTagSuccessBackgroundColor: '#2f7d4f',
  nutuiTagWarningBackgroundColor: '#b45309',
  nutuiTagDangerBackgroundColor: '#b42318',
  nutuiSearchbarBackground: '#1f5fa8',
  nutuiButtonBorderRadius: '8px',
  // A disabled button keeps its words readable: white on slate is 4.8:1 (NutUI's pale fills were
  // under 2:1, an axe serious finding on 提交整改评价 and the signature pad's buttons).
  nutuiButtonPrimaryDisabled: '#64748b',
  nutuiButtonDefaultDisabled: '#64748b',
  nutuiRadioButtonBackground: '#eef2f7',
};

/** Type and targets for everyone: body 15 px, buttons 44 px high (the smallest comfortable target). */
const normalSizes: NutTheme = {
  nutuiFontSizeS: '13px',
  nutuiFontSizeBase: '15px',
  nutuiFontSizeL: '16px',
  nutuiFontSizeXl: '18px',
  nutuiButtonDefaultHeight: '44px',
  nutuiButtonLargeHeight: '48px',
  nutuiButtonDefaultFontSize: '15px',
  nutuiButtonLargeFontSize: '16px',
  nutuiCellTitleFontSize: '15px',
  nutuiCellDescriptionFontSize: '13px',
  nutuiCellExtraFontSize: '14px',
};

/** 关怀模式 (MIIT 适老化): body ≥ 18 px, headings larger, every target ≥ 60 px, more room. */
const careSizes: NutTheme = {
  nutuiFontSizeXs: '16px',
  nutuiFontSizeS: '17px',
  nutuiFontSizeBase: '19px',
  nutuiFontSizeL: '20px',
  nutuiFontSizeXl: '22px',
  nutuiFontSizeXxl: '24px',
  nutuiButtonDefaultHeight: '60px',
  nutuiButtonLargeHeight: '64px',
  nutuiButtonSmallHeight: '60px',
  nutuiButtonDefaultFontSize: '19px',
  nutuiButtonLargeFontSize: '20px',
  nutuiButtonSmallFontSize: '18px',
  nutuiCellTitleFontSize: '19px',
  nutuiCellDescriptionFontSize: '17px',
  nutuiCellExtraFontSize: '18px',
  nutuiCellPadding: '18px 16px',
  nutuiCellLineHeight: '28px',
  nutuiTagFontSize: '16px',
  nutuiTagHeight: '28px',
  nutuiTabsTitlesHeight: '60px',
  nutuiTabsTitlesFontSize: '19px',
  nutuiCheckboxLabelFontSize: '19px',
  nutuiCheckboxIconFontSize: '24px',
  nutuiRadioLabelFontSize: '19px',
  nutuiRadioIconFontSize: '24px',
  nutuiRateIconSize: '36px',
  nutuiSearchbarFontSize: '19px',
  nutuiSearchbarInputHeight: '48px',
  nutuiInputFontSize: '19px',
  nutuiFormItemLabelFontSize: '19px',
  nutuiFormItemBodyFontSize: '19px',
  nutuiFormItemTipFontSize: '17px',
  nutuiDialogHeaderFontSize: '21px',
  nutuiNoticebarFontSize: '18px',
  nutuiNoticebarHeight: '48px',
  nutuiGridItemTextFontSize: '18px',
  nutuiEmptyImageSize: '120px',
  nutuiStepsBaseTitleFontSize: '19px',
  nutuiStepsBaseDescriptionFontSize: '17px',
  nutuiSwitchWidth: '64px',
  nutuiSwitchHeight: '36px',
};

export const normalTheme: NutTheme = { ...governmentColours, ...normalSizes };
export const careTheme: NutTheme = { ...governmentColours, ...careSizes };
