// Standalone script for server-rendered pages: <script src=".../bootstrap.iife.js"></script> in <head>,
// after <meta name="inlay-base-url" content="https://app.example.com/">.
import { installBootstrap } from "./index";

installBootstrap();
