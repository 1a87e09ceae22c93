-- A minimal Neovim config that runs the tracklint language server on one file, waits for its
-- diagnostics and writes them as JSON. Used by test/editor/neovim.test.ts:
--
--   nvim --headless -n -i NONE -u test/editor/nvim/init.lua
--
-- Read from the environment: TRACKLINT_LSP_CMD (the server command, a JSON array, e.g.
-- ["node", "dist/server.js", "--stdio"]), TRACKLINT_ROOT (the workspace folder), TRACKLINT_FILE (the
-- file to open), TRACKLINT_OUT (where the JSON goes) and TRACKLINT_TIMEOUT_MS.
-- Exits 0 once diagnostics arrived and were written, 1 on a timeout, 2 on an error.

local decode = (vim.json and vim.json.decode) or vim.fn.json_decode
local encode = (vim.json and vim.json.encode) or vim.fn.json_encode
-- vim.lsp.get_clients since 0.10; get_active_clients before.
local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients

local function env(name)
  local value = os.getenv(name)
  if value == nil or value == '' then
    error('tracklint test: ' .. name .. ' is not set')
  end
  return value
end

local function write(path, value)
  local file = assert(io.open(path, 'w'))
  file:write(encode(value))
  file:close()
end

local function run()
  local cmd = decode(env('TRACKLINT_LSP_CMD'))
  local root = env('TRACKLINT_ROOT')
  local path = env('TRACKLINT_FILE')
  local out = env('TRACKLINT_OUT')
  local timeout = tonumber(os.getenv('TRACKLINT_TIMEOUT_MS') or '60000')

  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()

  -- The configuration the README shows: the server over stdio, rooted at the workspace folder.
  local config = { name = 'tracklint', cmd = cmd, root_dir = root }
  local api
  if vim.lsp.start then
    -- Neovim 0.8+: starts the client (or reuses one with the same name and root) and attaches the buffer.
    api = 'vim.lsp.start'
    vim.lsp.start(config, { bufnr = buf })
  else
    -- Neovim 0.7 (Debian 12's): the same, by hand.
    api = 'vim.lsp.start_client'
    local client_id = assert(vim.lsp.start_client(config), 'the tracklint client did not start')
    vim.lsp.buf_attach_client(buf, client_id)
  end

  local arrived = vim.wait(timeout, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)

  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    -- Neovim 0.8+ copies the LSP code into the diagnostic; 0.7 keeps it in user_data.lsp.
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then
      code = d.user_data.lsp.code
    end
    table.insert(diagnostics, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      source = d.source,
      code = code,
      message = d.message,
    })
  end

  local clients = {}
  for _, client in pairs(get_clients()) do
    table.insert(clients, client.name)
  end

  local version = vim.version()
  write(out, {
    nvim = string.format('%d.%d.%d', version.major, version.minor, version.patch),
    api = api,
    clients = clients,
    timed_out = not arrived,
    diagnostics = diagnostics,
  })

  vim.lsp.stop_client(get_clients())
  vim.wait(2000, function()
    return #get_clients() == 0
  end, 50)
  vim.cmd(arrived and 'qall!' or 'cquit 1')
end

-- After startup, so filetype detection is on when the file is opened.
vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then
      io.stderr:write(tostring(err) .. '\n')
      vim.cmd('cquit 2')
    end
  end,
})
