// Our configuration of the Camunda 7.24 Cockpit (#12): Chinese (locales/zh.json, written by us) for every
// browser, whatever its language, and the system's name in the header, the login page and the title.
export default {
  app: {
    vendor: '安责险业务系统',
    name: '运行监控'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // business facts of the cases, the migration dry run and the migration (#13)
  customScripts: ['scripts/anzexian-cockpit.js'],
  // the first-login hint points at Camunda's welcome page and product
  disableWelcomeMessage: true
};
