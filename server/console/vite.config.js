import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

// Built into the server's classes so `./mvnw spring-boot:run` and the jar serve it at /console/
// (target/ is ignored by git; the Maven build runs this through build.sh).
export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../target/classes/static/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // vendor libraries in their own cached chunks; pages are split by the router's lazy imports
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return 'element-plus';
          if (id.includes('node_modules/')) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: {
    // `npm run dev` against a server started with `./mvnw spring-boot:run`
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
