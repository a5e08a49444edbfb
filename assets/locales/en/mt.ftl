# Messages for kuajing-mt: machine drafts from an OpenAI-compatible chat endpoint.

error-mt-not-configured = Machine drafts are off. Set an endpoint with: kuajing mt set --endpoint URL --model NAME
# $reason: what the JSON reader said.
error-mt-bad-config = The machine-draft settings are unreadable ({ $reason }). Set them again with kuajing mt set.
# $url: what was typed; $reason: what is wrong with it.
error-mt-bad-endpoint = “{ $url }” is not an endpoint URL: { $reason }.
error-mt-no-model = Name the model the endpoint should run (for Ollama, e.g. qwen2.5:7b).
# $var: the variable name given.
error-mt-bad-key-env = “{ $var }” cannot be the name of an environment variable.
# $var: the variable the settings name; $host: the endpoint's host.
error-mt-key-missing = No API key for { $host }: the environment variable { $var } is not set, and the keyring holds no key for { $host }.
# $host: the endpoint's host; $reason: what the keyring said.
error-mt-keyring = The system keyring could not keep the key for { $host } ({ $reason }). Put the key in an environment variable instead.
# $field: title, selling_points, description or short_title.
error-mt-no-english = There is no English { $field } to draft from.
# $url: the URL called; $reason: refused, host not found, no answer in time...
error-mt-unreachable = The machine-draft endpoint { $url } is unreachable: { $reason }.
# $url, $status: the HTTP status; $message: the server's own message, or "none".
error-mt-failed = { $message ->
    [none] The machine-draft endpoint { $url } answered with status { $status }.
   *[other] The machine-draft endpoint { $url } answered with status { $status }: { $message }
}
# $url; $reason: what was wrong with the answer.
error-mt-bad-answer = The machine-draft endpoint { $url } gave no usable answer: { $reason }.
# $detail: the parser's message.
error-mt-prompt-invalid = The machine-draft prompt (assets/mt/prompt.toml) is invalid: { $detail }
