// Our configuration of the Camunda 7.24 Tasklist (#12): Chinese (locales/zh.json, written by us) for every
// browser, whatever its language, and the system's name in the header, the login page and the title.
export default {
  app: {
    vendor: '安责险业务系统',
    name: '任务列表'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // filter counts, the started case's number (#12)
  customScripts: ['scripts/anzexian-tasklist.js'],
  // the first-login hint points at Camunda's welcome page and product
  disableWelcomeMessage: true,
  // the shortcut dialog shows these descriptions as they are
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到列表中的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
