import type { Theme } from 'vitepress'
import DefaultTheme from 'vitepress/theme'
import ApiLink from './components/ApiLink.vue'
import EvaluationFlow from './components/EvaluationFlow.vue'
import PolicyCompare from './components/PolicyCompare.vue'
import PolicyPlayground from './components/PolicyPlayground.vue'
import SourcePanel from './components/SourcePanel.vue'
import TableFilter from './components/TableFilter.vue'
import './custom.css'

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('ApiLink', ApiLink)
    app.component('EvaluationFlow', EvaluationFlow)
    app.component('PolicyCompare', PolicyCompare)
    app.component('PolicyPlayground', PolicyPlayground)
    app.component('SourcePanel', SourcePanel)
    app.component('TableFilter', TableFilter)
  },
} satisfies Theme
