// Vue single-file components and style sheets are compiled by Vite; tsc sees only their shape.
declare module '*.vue' {
  import type { DefineComponent } from 'vue'

  const component: DefineComponent
  export default component
}
declare module '*.css'
