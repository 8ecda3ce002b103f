-- Neovim 0.7's built-in LSP client drives the server through the plan in $PM_PLAN (see scenario.mjs)
-- and writes what it saw to plan.results as JSON. Every wait is on an event (vim.wait on a condition).
local plan = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('PM_PLAN')), '\n'))
local results = { diagnostics = {} }
local TIMEOUT = 20000

-- Keep the raw notifications: what the server sent, in UTF-16, before Neovim converts them.
local published = {}
local show_diagnostics = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
  published[params.uri] = params
  return show_diagnostics(err, params, ctx, config)
end

local exit_info
local client_id = vim.lsp.start_client({
  name = 'postmortem',
  cmd = plan.server,
  root_dir = plan.root,
  on_exit = function(code, signal) exit_info = { code = code, signal = signal } end,
})
assert(client_id, 'the server did not start')
local client = vim.lsp.get_client_by_id(client_id)

local function wait(what, condition)
  if not vim.wait(TIMEOUT, condition, 10) then error('timed out waiting for ' .. what) end
end

local function buffer_text(buf)
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  return vim.api.nvim_buf_get_option(buf, 'eol') and text .. '\n' or text
end

-- Diagnostics for the buffer's current version: the server has seen every change.
local function synced(buf)
  local uri = vim.uri_from_bufnr(buf)
  wait('diagnostics of ' .. uri, function()
    local p = published[uri]
    return p ~= nil and p.version == vim.lsp.util.buf_versions[buf]
  end)
  return published[uri].diagnostics
end

local function open(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  return buf, vim.uri_from_bufnr(buf)
end

local function request(method, params, buf)
  local response, err = client.request_sync(method, params, TIMEOUT, buf)
  if not response then error(method .. ': ' .. tostring(err)) end
  if response.err then error(method .. ': ' .. vim.inspect(response.err)) end
  return response.result
end

local function apply(buf, uri, action)
  local before = buffer_text(buf)
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  return { uri = uri, action = action, textBefore = before, textAfter = buffer_text(buf) }
end

local function first_action(actions, kind)
  for _, action in ipairs(actions or {}) do
    if action.kind == kind and action.edit then return action end
  end
end

local function run()
  for _, path in ipairs(plan.diagnosticFiles) do
    local buf = open(path)
    table.insert(results.diagnostics, { file = path, diagnostics = synced(buf) })
  end

  -- A quick fix for a missing section, from the server's own diagnostic.
  local buf, uri = open(plan.fixFile)
  local section
  for _, d in ipairs(synced(buf)) do
    if d.code == 'section-missing' then section = d break end
  end
  local actions = request('textDocument/codeAction', { textDocument = { uri = uri }, range = section.range, context = { diagnostics = { section } } }, buf)
  results.quickFix = apply(buf, uri, first_action(actions, 'quickfix'))
  synced(buf)

  -- The duration fix as :lua vim.lsp.buf.code_action() asks for it: with Neovim's own line
  -- diagnostics, whose columns are bytes (emoji and CJK come before the duration).
  -- The section inserted above may have moved the line.
  local duration_line
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:find('lasted about 45 minutes', 1, true) then duration_line = i - 1 end
  end
  local line_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, duration_line)
  actions = request('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = duration_line, character = 0 }, ['end'] = { line = duration_line, character = 0 } },
    context = { diagnostics = line_diagnostics },
  }, buf)
  local duration
  for _, action in ipairs(actions or {}) do
    if action.title:find('duration', 1, true) then duration = action end
  end
  results.durationFix = duration and apply(buf, uri, duration) or { diagnostics = line_diagnostics }
  synced(buf)

  actions = request('textDocument/codeAction', { textDocument = { uri = uri }, range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } }, context = { diagnostics = {}, only = { 'source.fixAll' } } }, buf)
  results.fixAll = apply(buf, uri, first_action(actions, 'source.fixAll.postmortem'))
  results.fixAll.diagnosticsAfter = synced(buf)

  -- Completion on the untouched broken example, where sections are missing.
  buf, uri = open(plan.completionFile)
  local completion = request('textDocument/completion', { textDocument = { uri = uri }, position = plan.completion }, buf)
  results.completion = completion.items or completion

  buf, uri = open(plan.featureFile)
  synced(buf)
  local whole = { start = { line = 0, character = 0 }, ['end'] = { line = vim.api.nvim_buf_line_count(buf), character = 0 } }
  results.symbols = request('textDocument/documentSymbol', { textDocument = { uri = uri } }, buf)
  results.hover = request('textDocument/hover', { textDocument = { uri = uri }, position = plan.hover }, buf)
  results.folding = request('textDocument/foldingRange', { textDocument = { uri = uri } }, buf)
  results.inlayHints = request('textDocument/inlayHint', { textDocument = { uri = uri }, range = whole }, buf)

  -- Random edits, as Neovim makes them (byte columns); the client sends them on as UTF-16 changes.
  buf = open(plan.editFile)
  synced(buf)
  for i, edit in ipairs(plan.edits) do
    local line = vim.api.nvim_buf_get_lines(buf, edit.line, edit.line + 1, true)[1]
    local from = vim.str_byteindex(line, edit.start)
    local to = vim.str_byteindex(line, edit['end'])
    vim.api.nvim_buf_set_text(buf, edit.line, from, edit.line, to, vim.split(edit.text, '\n', { plain = true }))
    -- Now and then let the server catch up, so that the changes reach it in several batches.
    if i % 5 == 0 then synced(buf) end
  end
  local final = synced(buf)
  vim.cmd('write')
  results.edits = { diagnostics = final }

  results.serverPid = client.rpc.pid
  vim.lsp.stop_client(client_id)
  wait('the server to exit', function() return exit_info ~= nil end)
  results.exit = exit_info
end

local ok, problem = pcall(run)
if not ok then results.error = tostring(problem) end
vim.fn.writefile({ vim.fn.json_encode(results) }, plan.results)
vim.cmd(ok and 'qall!' or 'cquit 1')
