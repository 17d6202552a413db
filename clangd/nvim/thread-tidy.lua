-- thread-tidy-clangd as the C/C++ language server of Neovim's built-in LSP
-- client (Neovim 0.7 and later). Put this in init.lua, or load it from there
-- with dofile(). $THREAD_TIDY_CLANGD overrides the server's path.
local server = vim.env.THREAD_TIDY_CLANGD or 'thread-tidy-clangd'
local clients = {}

vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'c', 'cpp', 'objc', 'objcpp', 'cuda' },
  callback = function(event)
    -- One server per project: the nearest directory with a compilation
    -- database or a .clangd, else the working directory.
    local file = vim.api.nvim_buf_get_name(event.buf)
    local root = vim.fn.getcwd()
    for _, marker in ipairs({ 'compile_commands.json', 'compile_flags.txt', '.clangd' }) do
      local found = vim.fn.findfile(marker, vim.fn.fnamemodify(file, ':p:h') .. ';')
      if found ~= '' then
        root = vim.fn.fnamemodify(found, ':p:h')
        break
      end
    end
    if not clients[root] then
      clients[root] = vim.lsp.start_client({
        name = 'thread-tidy-clangd',
        cmd = { server, '--background-index', '--clang-tidy' },
        root_dir = root,
      })
    end
    if clients[root] then
      vim.lsp.buf_attach_client(event.buf, clients[root])
    end
  end,
})
