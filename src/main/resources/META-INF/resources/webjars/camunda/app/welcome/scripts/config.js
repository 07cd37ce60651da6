// Our configuration of the Camunda 7.24 Welcome (#12): Chinese (locales/zh.json, written by us) for every
// browser, whatever its language, and the system's name in the header, the login page and the title.
export default {
  app: {
    vendor: '安责险业务系统',
    name: '首页'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // the first-login hint points at Camunda's welcome page and product
  disableWelcomeMessage: true,
  // instead of Camunda's documentation link
  links: []
};
