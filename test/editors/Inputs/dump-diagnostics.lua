-- Test harness, run after clangd/nvim/thread-tidy.lua attached the buffer:
-- waits until a threads-* diagnostic arrives (or DIAG_TIMEOUT_MS passes),
-- writes vim.diagnostic.get() as JSON to $DIAG_OUT and quits; the exit
-- status is 0 only when such a diagnostic was there.
local out_path = assert(os.getenv('DIAG_OUT'), 'DIAG_OUT unset')
local timeout = tonumber(os.getenv('DIAG_TIMEOUT_MS') or '90000')
local buf = vim.api.nvim_get_current_buf()

local function has_threads_diagnostic()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if type(code) == 'string' and code:match('^threads%-') then
      return true
    end
  end
  return false
end

-- vim.wait keeps the event loop (and so the LSP client) running.
local found = vim.wait(timeout, has_threads_diagnostic, 100)
local handle = assert(io.open(out_path, 'w'))
handle:write(vim.fn.json_encode({
  found = found,
  filetype = vim.bo[buf].filetype,
  clients = #vim.lsp.get_active_clients(),
  diagnostics = vim.diagnostic.get(buf),
}))
handle:close()
vim.cmd(found and 'qall!' or '1cquit')
