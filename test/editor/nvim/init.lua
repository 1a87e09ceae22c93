-- A minimal Neovim config that runs the README's tracklint setup on one file, waits for the
-- diagnostics and writes them as JSON. Used by test/editor/neovim.test.ts:
--
--   nvim --headless -n -i NONE -u test/editor/nvim/init.lua
--
-- Read from the environment: TRACKLINT_SETUP (a Lua file: the README's snippet for this Neovim, which
-- starts `tracklint-lsp --stdio` from PATH when a JavaScript or TypeScript file opens), TRACKLINT_FILE
-- (the file to open), TRACKLINT_OUT (where the JSON goes) and TRACKLINT_TIMEOUT_MS.
-- Exits 0 once diagnostics arrived and were written, 1 on a timeout, 2 on an error.

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
  local path = env('TRACKLINT_FILE')
  local out = env('TRACKLINT_OUT')
  local timeout = tonumber(os.getenv('TRACKLINT_TIMEOUT_MS') or '60000')

  -- The setup's FileType autocommand (or vim.lsp.enable's) starts the server and attaches the buffer.
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()

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
    table.insert(clients, { name = client.name, cmd = client.config.cmd, root_dir = client.config.root_dir })
  end

  local version = vim.version()
  write(out, {
    nvim = string.format('%d.%d.%d', version.major, version.minor, version.patch),
    filetype = vim.bo[buf].filetype,
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

-- The user's setup, as a config file would hold it.
local ok, err = pcall(dofile, env('TRACKLINT_SETUP'))
if not ok then
  io.stderr:write('the README setup failed: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 2')
end

-- After startup, so filetype detection is on when the file is opened; nested, so opening it runs the
-- BufRead and FileType autocommands (the setup's among them) as it does for a person.
vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  nested = true,
  callback = function()
    local ok2, err2 = pcall(run)
    if not ok2 then
      io.stderr:write(tostring(err2) .. '\n')
      vim.cmd('cquit 2')
    end
  end,
})
