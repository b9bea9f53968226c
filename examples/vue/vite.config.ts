// Vite + Vue 3: compile <otel-*> and <chatham-notice> as custom elements (docs/recipes/vue.md).
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { isOtelElement } from './custom-elements';

export default defineConfig({
  plugins: [
    vue({
      template: { compilerOptions: { isCustomElement: isOtelElement } },
    }),
  ],
});
