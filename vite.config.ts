/// <reference types="vitest/config" />
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    // In dev, the console talks to the emulator on its default port.
    proxy: { "/v1": "http://127.0.0.1:4400" },
  },
  build: { sourcemap: false, chunkSizeWarningLimit: 1500 },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "emulator/**/*.test.ts", "cli/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
  },
});
