;;; eglot.el --- Emacs eglot drives the server through the plan in $PM_PLAN  -*- lexical-binding: t -*-
;; See scenario.mjs.  Runs in `emacs --batch'; writes what it saw to the plan's results file as JSON.
;; Every wait is on the server's output (accept-process-output until a condition holds).
(require 'eglot)
(require 'json)
(require 'cl-lib)

(setq make-backup-files nil create-lockfiles nil)
(prefer-coding-system 'utf-8-unix)
(add-to-list 'auto-mode-alist '("\\.md\\'" . text-mode))

(defvar pm-plan (let ((json-object-type 'plist) (json-array-type 'list) (json-key-type 'keyword))
                  (json-read-file (getenv "PM_PLAN"))))
(defvar pm-results nil "An alist, written as the JSON object of results.")
(defvar pm-published (make-hash-table :test #'equal) "File → (version . diagnostics), as the server sent them.")
(defconst pm-timeout 20)

(defvar pm-project (cons 'transient (file-name-as-directory (plist-get pm-plan :root))))
;; The workspace is no VC checkout: every file under it belongs to one project, as eglot wants.
(add-hook 'project-find-functions
          (lambda (dir) (when (string-prefix-p (cdr pm-project) (file-name-as-directory (expand-file-name dir))) pm-project)))

(defun pm-put (key value) (setf (alist-get key pm-results nil nil #'equal) value))

;; Keep the raw notifications: what the server sent, before eglot turns them into Flymake's.
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics version &allow-other-keys)
  (puthash (expand-file-name (eglot--uri-to-path uri)) (cons version diagnostics) pm-published))

(defun pm-wait (what condition)
  (let ((deadline (+ (float-time) pm-timeout)))
    (while (not (funcall condition))
      (when (> (float-time) deadline) (error "Timed out waiting for %s" what))
      (accept-process-output nil 0.05))))

(defun pm-synced ()
  "The current buffer's diagnostics once the server has seen every change."
  (eglot--signal-textDocument/didChange)
  (let ((file (expand-file-name buffer-file-name)))
    (pm-wait (format "diagnostics of %s" file)
             (lambda () (equal (car (gethash file pm-published)) eglot--versioned-identifier)))
    (cdr (gethash file pm-published))))

(defvar pm-server nil)

(defun pm-open (path)
  (set-buffer (find-file-noselect path))
  (unless pm-server
    (setq pm-server (eglot '(text-mode) pm-project 'eglot-lsp-server
                           (plist-get pm-plan :server) "markdown")))
  (pm-wait (format "eglot to manage %s" path) (lambda () (bound-and-true-p eglot--managed-mode)))
  (current-buffer))

(defun pm-text () (buffer-substring-no-properties (point-min) (point-max)))
(defun pm-request (method params) (jsonrpc-request pm-server method params :timeout pm-timeout))
(defun pm-doc () (list :uri (eglot--path-to-uri buffer-file-name)))
(defun pm-zero-range () (list :start (list :line 0 :character 0) :end (list :line 0 :character 0)))

(defun pm-apply (action)
  "Apply ACTION's edit as eglot applies a chosen code action."
  (let ((before (pm-text)))
    (eglot--apply-workspace-edit (plist-get action :edit))
    `((uri . ,(plist-get (pm-doc) :uri)) (action . ,action) (textBefore . ,before) (textAfter . ,(pm-text)))))

(defun pm-find (predicate sequence) (cl-find-if predicate (append sequence nil)))

(defun pm-run ()
  (pm-put 'diagnostics
          (vconcat (mapcar (lambda (path) (pm-open path) `((file . ,path) (diagnostics . ,(pm-synced))))
                           (plist-get pm-plan :diagnosticFiles))))
  ;; A quick fix for a missing section.
  (pm-open (plist-get pm-plan :fixFile))
  (let* ((section (pm-find (lambda (d) (equal (plist-get d :code) "section-missing")) (pm-synced)))
         (actions (pm-request :textDocument/codeAction
                              (list :textDocument (pm-doc) :range (plist-get section :range)
                                    :context (list :diagnostics (vector section))))))
    (pm-put 'quickFix (pm-apply (pm-find (lambda (a) (equal (plist-get a :kind) "quickfix")) actions))))
  ;; The duration fix, with the diagnostic eglot keeps for the line (the server's own, as sent).
  (let* ((duration (pm-find (lambda (d) (equal (plist-get d :code) "duration-mismatch")) (pm-synced)))
         (actions (pm-request :textDocument/codeAction
                              (list :textDocument (pm-doc) :range (plist-get duration :range)
                                    :context (list :diagnostics (vector duration)))))
         (fix (pm-find (lambda (a) (string-match-p "duration" (plist-get a :title))) actions)))
    (pm-put 'durationFix (if fix (pm-apply fix) `((diagnostics . ,(vector duration))))))
  (pm-synced)
  (let ((actions (pm-request :textDocument/codeAction
                             (list :textDocument (pm-doc) :range (pm-zero-range)
                                   :context (list :diagnostics [] :only ["source.fixAll"])))))
    (pm-put 'fixAll (append (pm-apply (pm-find (lambda (a) (equal (plist-get a :kind) "source.fixAll.postmortem")) actions))
                            `((diagnosticsAfter . ,(pm-synced))))))
  ;; Completion on the untouched broken example, where sections are missing.
  (pm-open (plist-get pm-plan :completionFile))
  (let ((completion (pm-request :textDocument/completion
                                (list :textDocument (pm-doc) :position (plist-get pm-plan :completion)))))
    (pm-put 'completion (if (vectorp completion) completion (plist-get completion :items))))
  (pm-open (plist-get pm-plan :featureFile))
  (pm-synced)
  (let ((doc (list :textDocument (pm-doc))))
    (pm-put 'symbols (pm-request :textDocument/documentSymbol doc))
    (pm-put 'hover (pm-request :textDocument/hover (append doc (list :position (plist-get pm-plan :hover)))))
    (pm-put 'folding (pm-request :textDocument/foldingRange doc))
    (pm-put 'inlayHints (pm-request :textDocument/inlayHint
                                    (append doc (list :range (list :start (list :line 0 :character 0)
                                                                   :end (list :line (count-lines (point-min) (point-max)) :character 0)))))))
  ;; Random edits as Emacs makes them (columns in characters); eglot sends them on in UTF-16.
  (pm-open (plist-get pm-plan :editFile))
  (pm-synced)
  (cl-loop for edit in (plist-get pm-plan :edits)
           for i from 1
           do (goto-char (point-min))
              (forward-line (plist-get edit :line))
              (forward-char (plist-get edit :start))
              (delete-char (- (plist-get edit :end) (plist-get edit :start)))
              (insert (plist-get edit :text))
              ;; Now and then let the server catch up, so that the changes reach it in several batches.
              (when (zerop (% i 5)) (pm-synced)))
  (let ((final (pm-synced)))
    (save-buffer)
    (pm-put 'edits `((diagnostics . ,final))))
  (let ((process (jsonrpc--process pm-server)))
    (pm-put 'serverPid (process-id process))
    (eglot-shutdown pm-server)
    (pm-wait "the server to exit" (lambda () (not (process-live-p process))))
    (pm-put 'exit `((code . ,(process-exit-status process)) (status . ,(symbol-name (process-status process)))))))

(let ((ok (condition-case problem (progn (pm-run) t)
            (error (pm-put 'error (error-message-string problem)) nil))))
  (with-temp-file (plist-get pm-plan :results)
    (insert (json-encode pm-results)))
  (kill-emacs (if ok 0 1)))
