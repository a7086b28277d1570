// Reference server for bench/run: the Hello sample (tool greet_user, widget ui://widget/greeting.html) written
// on the official TypeScript MCP SDK the way its stateless example does it: Express via createMcpExpressApp, and
// a new McpServer + StreamableHTTPServerTransport for every POST.
import { readFileSync } from 'node:fs';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import * as z from 'zod/v4';

const WIDGET_URI = 'ui://widget/greeting.html';
const WIDGET_MIME = 'text/html;profile=mcp-app';
// The exact HTML the Hello sample answers resources/read with, captured from it by bench/run.
if (!process.env.WIDGET_HTML) throw new Error('Set WIDGET_HTML to the widget HTML file (bench/run captures it from the Hello sample).');
const WIDGET_HTML = readFileSync(process.env.WIDGET_HTML, 'utf8');

const HOST = '127.0.0.1';
const PORT = Number(process.env.PORT ?? 5102);
const ORIGIN = `http://${HOST}:${PORT}`;

function getServer() {
  const server = new McpServer({ name: 'hello-node', version: '1.0.0' });

  server.registerTool('greet_user', {
    title: 'Greet a user',
    description: 'Greets a person by name and shows the greeting in a card.',
    inputSchema: { name: z.string().describe('The name of the person to greet.') },
    outputSchema: {
      message: z.string(),
      name: z.string(),
      greetedAt: z.string(),
      locale: z.string().nullable(),
    },
    annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: false, idempotentHint: true },
    _meta: {
      ui: { resourceUri: WIDGET_URI, visibility: ['model', 'app'] },
      'ui/resourceUri': WIDGET_URI,
      'openai/outputTemplate': WIDGET_URI,
      'openai/toolInvocation/invoking': 'Writing a greeting…',
      'openai/toolInvocation/invoked': 'Greeting ready',
      'openai/widgetAccessible': true,
      'openai/visibility': 'public',
    },
  }, async ({ name }, extra) => {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 100) {
      return { isError: true, content: [{ type: 'text', text: 'The name must be between 1 and 100 characters.' }] };
    }
    const requestMeta = extra?._meta ?? {};
    const locale = requestMeta['openai/locale'] ?? requestMeta['webplus/i18n'];
    // Same shape as the Hello sample: the widget keys live on the tool descriptor (tools/list), the result
    // carries the narration in content and the widget data in structuredContent.
    return {
      content: [{ type: 'text', text: `Greeted ${trimmed}. The widget shows the greeting and when it was made.` }],
      structuredContent: {
        message: `Hello, ${trimmed}!`,
        name: trimmed,
        greetedAt: new Date().toISOString(),
        locale: typeof locale === 'string' ? locale : null,
      },
    };
  });

  server.registerResource('greeting', WIDGET_URI, {
    title: 'Greeting',
    description: 'A card that greets someone by name.',
    mimeType: WIDGET_MIME,
    _meta: {
      ui: { prefersBorder: true },
      'openai/widgetPrefersBorder': true,
      'openai/widgetDescription': 'Shows the greeting and when it was made; no need to repeat it.',
    },
  }, async () => ({
    contents: [{
      uri: WIDGET_URI,
      mimeType: WIDGET_MIME,
      text: WIDGET_HTML,
      _meta: {
        ui: { csp: { connectDomains: [], resourceDomains: [ORIGIN] }, prefersBorder: true },
        'openai/widgetCSP': { connect_domains: [], resource_domains: [ORIGIN] },
        'openai/widgetPrefersBorder': true,
        'openai/widgetDescription': 'Shows the greeting and when it was made; no need to repeat it.',
      },
    }],
  }));

  return server;
}

const app = createMcpExpressApp({ host: HOST });

app.post('/mcp', async (req, res) => {
  const server = getServer();
  try {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
    res.on('close', () => {
      transport.close();
      server.close();
    });
  } catch (error) {
    console.error('Error handling MCP request:', error);
    if (!res.headersSent) {
      res.status(500).json({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal server error' }, id: null });
    }
  }
});

const methodNotAllowed = (req, res) => {
  res.writeHead(405).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed.' }, id: null }));
};
app.get('/mcp', methodNotAllowed);
app.delete('/mcp', methodNotAllowed);

app.listen(PORT, HOST, error => {
  if (error) {
    console.error('Failed to start server:', error);
    process.exit(1);
  }
  console.log(`hello-node listening on http://${HOST}:${PORT}/mcp`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
